"""What the title screen and the pause menu both offer: settings, how to play, loading a
saved game. One place, so the two menus open the same screens the same way."""

from __future__ import annotations

from game.ui.scene import Push


class MenuActions:
    """Mixed into a Scene (it uses `self.ctx` and `self.send`)."""

    def settings(self) -> None:
        from game.ui.scenes.settings import SettingsScene

        self.send(Push(SettingsScene(self.ctx)))

    def help(self) -> None:
        from game.ui.scenes.help import HelpScene

        self.send(Push(HelpScene(self.ctx)))

    def load(self) -> None:
        from game.ui.scenes.load import LoadScene

        self.send(Push(LoadScene(self.ctx)))
