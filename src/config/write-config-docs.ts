import { writeFileSync } from 'node:fs';
import { renderConfigDocs } from './render-config-docs.js';

writeFileSync(new URL('../../../docs/configuration.md', import.meta.url), renderConfigDocs());
