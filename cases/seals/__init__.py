"""E-seals (电子印章) and delegations (授权委托): which key seals what, and who may use it."""
