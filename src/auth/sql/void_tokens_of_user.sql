-- Every one-time link of the login still unused dies (a password was set: older sign-up and reset
-- links must not set it again, nor sign in past two-step sign-in).
UPDATE user_tokens SET used_at = :used_at WHERE user_id = :user_id AND used_at IS NULL
