/** rate-limiter-flexible's counters, one row per limiter key (`<keyPrefix>:<key>`). */
export const RATE_LIMITS_TABLE = 'classhub_rate_limits';
/** Secrets made once and shared by every node (the download-link key). */
export const SECRETS_TABLE = 'classhub_secrets';
