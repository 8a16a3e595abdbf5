// Zalo's Open API and OAuth answer errors inside HTTP 200 bodies: {"error": <negative code>, "message"}.
// The codes the emulator plays, with their meaning (sources in docs/platforms/zalo.md).

export class ZaloError extends Error {
  constructor(
    readonly code: number,
    message: string,
    /** Almost always 200: the error is in the body. Injected server faults use 5xx. */
    readonly httpStatus = 200,
  ) {
    super(message);
  }

  toBody(): { error: number; message: string } {
    return { error: this.code, message: this.message };
  }
}

export const zaloErrors = {
  invalidParam: (detail: string) => new ZaloError(-201, `Parameters are invalid: ${detail}`),
  rateLimited: () => new ZaloError(-32, "Exceeded the rate limit of the API"),
  invalidToken: () => new ZaloError(-216, "Access token is invalid"),
  expiredToken: () => new ZaloError(-220, "Access token has expired"),
  outOfQuota: () => new ZaloError(-211, "Out of quota"),
  tierTooLow: () => new ZaloError(-224, "The OA's service tier does not allow this API"),
  notFollower: () => new ZaloError(-213, "User has not followed the OA"),
  userInactive: () => new ZaloError(-227, "User has been inactive for more than 45 days"),
  outsideWindow: () => new ZaloError(-230, "User has not interacted with the OA in the last 7 days"),
  interactionExpired: () => new ZaloError(-232, "User's interaction with the OA has expired"),
  unknownUser: () => new ZaloError(-201, "Parameters are invalid: user_id does not exist for this OA"),
  fileTooLarge: (limit: string) => new ZaloError(-210, `File size exceeds the limit of ${limit}`),
  unsupportedFile: () => new ZaloError(-210, "File type is not supported (PDF, DOC, DOCX only)"),
  serverError: () => new ZaloError(-1, "Internal server error", 500),
  unknownPath: (path: string) => new ZaloError(-404, `You currently access to an empty api: ${path}`, 404),
};

/**
 * OAuth v4 errors (also in HTTP 200 bodies) carry `error`, `error_name` and `error_description`.
 * The numbers below are the emulator's: sources agree on the shape, not on every code.
 */
export class OAuthError extends Error {
  constructor(
    readonly code: number,
    readonly errorName: string,
    description: string,
  ) {
    super(description);
  }

  toBody(): { error: number; error_name: string; error_description: string } {
    return { error: this.code, error_name: this.errorName, error_description: this.message };
  }
}

export const oauthErrors = {
  invalidAppId: () => new OAuthError(-14001, "Invalid app_id", "app_id is missing or unknown"),
  invalidSecret: () => new OAuthError(-14002, "Invalid secret_key", "secret_key header is missing or wrong"),
  invalidGrantType: () =>
    new OAuthError(-14004, "Invalid grant_type", "grant_type must be authorization_code or refresh_token"),
  invalidCode: (why: string) => new OAuthError(-14019, "Invalid authorization code", why),
  invalidVerifier: () =>
    new OAuthError(-14020, "Invalid code verifier", "code_verifier does not match the code_challenge"),
  invalidRefreshToken: (why: string) => new OAuthError(-14014, "Invalid refresh token", why),
};
