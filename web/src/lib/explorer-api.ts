import type { PageOf } from '../../../src/contract/admin-api.js';
import { api, apiText, withQuery } from './api.js';
import type {
  DriftAlertView,
  EndpointChaosView,
  EndpointDetailView,
  ExplorerItemView,
  SeriesPointView,
} from './views.js';

/** Formats of the type export panel; `openapi` has its own route. */
export const EXPORT_FORMATS = ['typescript', 'pydantic', 'jsonschema', 'zod', 'openapi'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One page of Explorer cards, searched and paginated on the server. */
export const getOverview = (q: string, page: number, pageSize: number) =>
  api<PageOf<ExplorerItemView>>(
    withQuery('/admin/explorer/overview', { q: q.trim(), page, page_size: pageSize }),
  );

export const getEndpoint = (id: number) => api<EndpointDetailView>(`/admin/endpoints/${id}`);

export const getSeries = (id: number) =>
  api<{ id: number; points: SeriesPointView[] }>(`/admin/endpoints/${id}/series`);

export const listDriftAlerts = (endpointId: number) =>
  api<PageOf<DriftAlertView>>(
    withQuery('/admin/drift-alerts', { endpoint_id: endpointId, limit: 50 }),
  );

/** accept=true adopts the drifting shape as the new baseline; false only acknowledges. */
export const resolveDriftAlert = (id: number, accept: boolean) =>
  api<{ status: string }>(`/admin/drift-alerts/${id}/resolve`, {
    method: 'POST',
    body: { accept },
  });

/** Where a format is served; `download` asks the server for an attachment. */
export function exportUrl(format: ExportFormat, download: boolean): string {
  return format === 'openapi'
    ? withQuery('/admin/export-openapi', { download: download || undefined })
    : withQuery('/admin/export-types', { format, download: download || undefined });
}

export const getExport = (format: ExportFormat) => apiText(exportUrl(format, false));

export const listEndpoints = (q: string, limit: number) =>
  api<PageOf<{ id: number; method: string; template: string }>>(
    withQuery('/admin/endpoints', { q: q.trim(), limit }),
  );

export const getEndpointChaos = (id: number) =>
  api<{ endpoint_id: number; chaos: EndpointChaosView }>(`/admin/endpoints/${id}/chaos`);

export const setEndpointChaos = (id: number, chaos: EndpointChaosView) =>
  api<{ chaos: EndpointChaosView }>(`/admin/endpoints/${id}/chaos`, {
    method: 'POST',
    body: chaos,
  });
