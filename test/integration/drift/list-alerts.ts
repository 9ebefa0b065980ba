import type { alertView } from '../../../src/admin/routes/drift-routes.js';
import type { TestApp } from '../../helpers/start-test-app.js';

export type AlertView = ReturnType<typeof alertView>;

export interface AlertPage {
  total: number;
  limit: number;
  offset: number;
  items: AlertView[];
}

/** GET /admin/drift-alerts?{query} after every captured exchange has been processed. */
export async function listAlerts(app: TestApp, query = ''): Promise<AlertPage> {
  await app.flush();
  const response = await app.admin(`/admin/drift-alerts${query === '' ? '' : `?${query}`}`);
  if (response.status !== 200) throw new Error(`drift-alerts?${query}: ${response.status}`);
  return (await response.json()) as AlertPage;
}
