"""The one error of reading and writing saves, kept apart from the save model so that
whatever only lists or names saves (the window's title) need not import pydantic."""


class SaveError(ValueError):
    """A save that cannot be read or written; the message says where and why."""
