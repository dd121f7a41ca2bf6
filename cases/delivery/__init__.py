"""Result delivery (出件): window pickup, self-service locker, post, SMS to the applicant."""
