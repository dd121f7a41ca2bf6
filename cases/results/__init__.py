"""Results: e-licenses (电子证照) and decision documents, rendered, sealed and archived."""
