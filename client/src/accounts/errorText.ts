import { ApiError } from '../api/api';

/** What a person reads when an account request fails: the problem's own sentence, else its title. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail || error.title;
  return error instanceof Error ? error.message : String(error);
}
