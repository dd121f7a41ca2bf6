"""The records: object storage of every document, audited reads, sharing by grant, fixity."""
