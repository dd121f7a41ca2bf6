"""The applicant's own ways in (网上申报, 邮寄 at the window's side, 自助终端): identity by a
phone number and a one-time SMS code, online applications answered by the window's own
check and decision, progress, results and rating, and the hall's self-service kiosk.

The top of the domain beside `jobs`: it builds on intake, acceptance, delivery, results
and verification, and nothing builds on it."""
