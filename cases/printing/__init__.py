"""Printing: the notices' layout, CJK fonts and QR codes shared by every document."""
