import type { Context, DefaultState, ParameterizedContext } from 'koa';
import type { AuthUser } from './roles';

export interface AppState extends DefaultState {
  user?: AuthUser;
  /** Parsed and validated request parts, set by validate(). */
  valid: { body?: unknown; query?: unknown; params?: unknown };
  requestId: string;
  /** What the request carried, as read by middleware/body.ts. */
  bodyKind?: import('../middleware/body').BodyKind;
  /** A JSON body's text as it arrived (for answers kept by their question, middleware/memo.ts). */
  rawBody?: string;
  /** A pure calculation (no stored or personal data): its body is not written to the request log. */
  pure?: boolean;
  /** The uploaded file of a multipart request. */
  file?: import('../services/materials').UploadedFile;
}

export type AppContext = ParameterizedContext<AppState, Context>;
