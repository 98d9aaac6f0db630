/** Browser entry of the plan benchmark: the real plan modules, exposed to the page. */

import { largePlan, samplePlan } from '../src/plan/samples.js';
import { createShareLink } from '../src/plan/share-crypto.js';
import { PlanStore } from '../src/plan/storage.js';

Object.assign(globalThis, { planBench: { PlanStore, largePlan, samplePlan, createShareLink } });
