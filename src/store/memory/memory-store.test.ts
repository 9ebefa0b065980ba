import { runStoreContract } from '../store-contract.js';
import { openMemoryStore } from './memory-store.js';

runStoreContract('memory', () => Promise.resolve(openMemoryStore({ trafficLogLimit: 50 })));
