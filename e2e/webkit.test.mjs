// The reader's core flows in WebKitGTK, Safari's engine (e2e/engine-flows.mjs; e2e/README.md says what runs where).
import { engineTests } from './engine-flows.mjs';

engineTests('webkit');
