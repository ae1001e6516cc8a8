import { randomUUID } from 'node:crypto';

// HubSpot error bodies: {status:'error', message, correlationId, category, subCategory?, context?, errors?}.
export interface HubSpotErrorDetail {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

export interface HubSpotErrorBody {
  status: 'error';
  message: string;
  correlationId: string;
  category: string;
  subCategory?: string;
  context?: Record<string, string[]>;
  errors?: HubSpotErrorDetail[];
  links?: Record<string, string>;
  errorType?: string;
  policyName?: string;
}

export function errorBody(
  category: string,
  message: string,
  extra: Partial<Omit<HubSpotErrorBody, 'status' | 'message' | 'category' | 'correlationId'>> = {},
): HubSpotErrorBody {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

/** Thrown by route handlers; the server turns it into the HTTP answer. */
export class HubSpotHttpError extends Error {
  readonly status: number;
  readonly body: HubSpotErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: HubSpotErrorBody, headers: Record<string, string> = {}) {
    super(body.message);
    this.name = 'HubSpotHttpError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function validationError(message: string, errors?: HubSpotErrorDetail[], context?: Record<string, string[]>): HubSpotHttpError {
  return new HubSpotHttpError(400, errorBody('VALIDATION_ERROR', message, { ...(errors ? { errors } : {}), ...(context ? { context } : {}) }));
}

export function notFound(message: string, context?: Record<string, string[]>): HubSpotHttpError {
  return new HubSpotHttpError(404, errorBody('OBJECT_NOT_FOUND', message, context ? { context } : {}));
}

export function conflict(message: string, context?: Record<string, string[]>): HubSpotHttpError {
  return new HubSpotHttpError(409, errorBody('OBJECT_ALREADY_EXISTS', message, context ? { context } : {}));
}
