/** Browser entry of the plan journey: the finder and the plan widgets, registered. */
import '../src/asset-finder/define.js';
import '../src/plan-builder/define.js';
import '../src/plan-view/define.js';
import '../src/self-assessment/define.js';
