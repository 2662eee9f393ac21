// The reader's core flows in Firefox ESR (e2e/engine-flows.mjs; e2e/README.md says what runs where).
import { engineTests } from './engine-flows.mjs';

engineTests('firefox');
