import { runDriftAlertContract, runStoreContract } from '../store-contract.js';
import { openMemoryStore } from './memory-store.js';

runStoreContract('memory', () => Promise.resolve(openMemoryStore({ trafficLogLimit: 50 })));
runDriftAlertContract('memory', () => Promise.resolve(openMemoryStore({ trafficLogLimit: 50 })));
