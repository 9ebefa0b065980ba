import { AppError } from '../../errors.js';

export const MAX_PAGE_SIZE = 200;

/** Query-string schema shared by every paginated route: limit/offset or page/page_size. */
export const PAGE_QUERY = {
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
  page: { type: 'integer', minimum: 1, maximum: 10_000_000 },
  page_size: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
} as const;

export interface PageQuery {
  limit?: number;
  offset?: number;
  page?: number;
  page_size?: number;
}

/** Resolves either pagination style to limit/offset; mixing them is an error. */
export function toLimitOffset(
  query: PageQuery,
  defaultLimit = 50,
): { limit: number; offset: number } {
  if ((query.page !== undefined || query.page_size !== undefined) && query.offset !== undefined) {
    throw new AppError('INVALID_QUERY', 'Use either page/page_size or limit/offset, not both.');
  }
  if (query.page !== undefined || query.page_size !== undefined) {
    const size = query.page_size ?? query.limit ?? defaultLimit;
    return { limit: size, offset: ((query.page ?? 1) - 1) * size };
  }
  return { limit: query.limit ?? defaultLimit, offset: query.offset ?? 0 };
}
