"""Dialogs, each callable as one function (``XDialog.ask(parent, ...)``)."""
