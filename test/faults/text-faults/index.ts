import { cancelFaults } from './cancel.js';
import { payloadFaults } from './payload.js';
import { secretFaults } from './secrets.js';
import { statusFaults } from './status.js';
import { transportFaults } from './transport.js';

export type { TextFault, TextFaultContext } from './helpers.js';

/** Every row of the text matrix, in display order. */
export const textFaults = [...transportFaults, ...statusFaults, ...payloadFaults, ...cancelFaults, ...secretFaults];
