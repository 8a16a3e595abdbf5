// Graph API errors: Facebook's codes, subcodes, messages and HTTP statuses in one place.
import { randomBytes } from "node:crypto";

export class GraphError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type: string = "OAuthException",
    readonly isTransient = false,
  ) {
    super(message);
  }

  toBody(): { error: Record<string, unknown> } {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.subcode === undefined ? {} : { error_subcode: this.subcode }),
        ...(this.isTransient ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(9).toString("base64url"),
      },
    };
  }
}

export type InvalidTokenReason = "expired" | "password_changed" | "app_not_installed" | "invalid";

const INVALID_TOKEN: Record<InvalidTokenReason, { subcode: number; message: string }> = {
  expired: { subcode: 463, message: "Error validating access token: Session has expired." },
  password_changed: {
    subcode: 460,
    message:
      "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
  },
  app_not_installed: {
    subcode: 458,
    message: "Error validating access token: The user has not authorized application.",
  },
  invalid: {
    subcode: 467,
    message: "Error validating access token: The session is invalid because the user logged out.",
  },
};

export const RATE_LIMIT_CODES = [4, 17, 32, 613] as const;
export type RateLimitCode = (typeof RATE_LIMIT_CODES)[number];

const RATE_LIMIT_MESSAGES: Record<RateLimitCode, string> = {
  4: "(#4) Application request limit reached",
  17: "(#17) User request limit reached",
  32: "(#32) Page request limit reached",
  613: "(#613) Calls to this api have exceeded the rate limit.",
};

export const graphErrors = {
  invalidToken: (reason: InvalidTokenReason) =>
    new GraphError(400, 190, INVALID_TOKEN[reason].message, INVALID_TOKEN[reason].subcode),
  unparsableToken: () => new GraphError(400, 190, "Invalid OAuth access token - Cannot parse access token"),
  missingToken: () => new GraphError(400, 104, "An access token is required to request this resource."),
  pageTokenRequired: () =>
    new GraphError(400, 210, "(#210) A page access token is required to request this resource."),
  userTokenRequired: () =>
    new GraphError(
      400,
      2500,
      "An active access token must be used to query information about the current user.",
    ),
  unknownObject: (id: string) =>
    new GraphError(
      400,
      100,
      `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      33,
      "GraphMethodException",
    ),
  unknownPath: (path: string) => new GraphError(400, 2500, `Unknown path components: ${path}`),
  unsupportedMethod: (method: string, id: string) =>
    new GraphError(
      400,
      100,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not support this operation.`,
      33,
      "GraphMethodException",
    ),
  nonexistingField: (field: string, nodeType: string) =>
    new GraphError(
      400,
      100,
      `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`,
    ),
  invalidParameter: (message: string) => new GraphError(400, 100, `(#100) ${message}`),
  missingPermission: (scope: string) =>
    new GraphError(400, 10, `(#10) This endpoint requires the '${scope}' permission to manage the object`),
  missingTask: (tasks: readonly string[]) =>
    new GraphError(
      400,
      200,
      `(#200) The user must have one of these tasks on the Page to do this: ${tasks.join(", ")}`,
    ),
  deletedMessage: (mid: string) =>
    new GraphError(
      400,
      100,
      `(#100) Message '${mid}' has been deleted or is no longer available (only the 20 most recent messages of a conversation can be read)`,
      33,
    ),
  outsideWindow: () =>
    new GraphError(
      400,
      10,
      "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
      2018278,
    ),
  noMatchingUser: () => new GraphError(400, 100, "(#100) No matching user found", 2018001),
  invalidCursor: () => new GraphError(400, 100, "(#100) The after/before cursor is invalid"),
  invalidAppId: () => new GraphError(400, 101, "Error validating application. Invalid application ID."),
  invalidClientSecret: () => new GraphError(400, 1, "Error validating client secret."),
  codeAlreadyUsed: () => new GraphError(400, 100, "This authorization code has been used.", 36009),
  codeExpired: () => new GraphError(400, 100, "This authorization code has expired.", 36007),
  invalidCode: () => new GraphError(400, 100, "Invalid verification code format."),
  redirectUriMismatch: () =>
    new GraphError(
      400,
      100,
      "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
      36008,
    ),
  permissionDenied: () =>
    new GraphError(400, 10, "(#10) Application does not have permission for this action"),
  rateLimited: (code: RateLimitCode) =>
    new GraphError(400, code, RATE_LIMIT_MESSAGES[code], undefined, "OAuthException", true),
  serverError: () =>
    new GraphError(
      500,
      2,
      "An unexpected error has occurred. Please retry your request later.",
      undefined,
      "OAuthException",
      true,
    ),
};
