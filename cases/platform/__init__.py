"""The exchange with the 一体化在线政务服务平台 (integrated online government service
platform): every stage of a case and every issued e-license becomes a record in an outbox
table, written in the transaction of the change (`records`), sent in order per case with
idempotency keys, retries and leases (`sender`), and shown to the admin and reconciled
against what the platform holds (`status`). The receiver contract is
docs/platform-exchange.md.

Below acceptance, review and delivery in the layers: their stage points call `records`.
"""
