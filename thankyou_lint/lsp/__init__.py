"""The language server (`thankyou-lint server`): the same Linter and Report, in an editor.

Needs the [lsp] extra (pygls, lsprotocol, tomlkit); nothing in the core imports it.
"""
