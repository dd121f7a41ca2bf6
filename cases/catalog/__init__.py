"""Service items (政务服务事项): the YAML catalog, its checklists, publishing new versions, the
consultation knowledge base. Everything else reads a case's rules from here."""
