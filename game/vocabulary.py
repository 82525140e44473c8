"""Words for the rules' kinds of action, shared by the terminal and the window."""

from __future__ import annotations

KIND_TAGS = {
    "propose": "Proposal",
    "accept": "Accept",
    "reject": "Reject",
    "counter": "Counter-offer",
    "probe": "Question",
    "reassure": "Reassurance",
    "warn": "Warning",
    "concede": "Concession",
    "appeal": "Appeal",
    "rapport": "Rapport",
    "consult_ally": "Consult your ally",
    "statement": "Public statement",
    "break": "Break",
    "walk_out": "Walk out",
}

# Action groups for the table's filter tabs: (tab label, kinds).
GROUPS = (
    ("Offers", ("propose", "accept", "counter", "reject")),
    ("Questions", ("probe",)),
    ("Pressure", ("warn", "statement", "walk_out")),
    ("Give", ("concede", "reassure")),
    ("Talk", ("rapport", "appeal", "consult_ally", "break")),
)
