import { HubEvent } from '../internal/events.js';

/** The plan was saved (by this widget). `revision` counts saves of the hub's plan on this device. */
export class HubPlanChangeEvent extends HubEvent<{ hub: string; revision: number }> {
  static get eventName() {
    return 'hub-plan-change' as const;
  }
  constructor(detail: { hub: string; revision: number }) {
    super(HubPlanChangeEvent.eventName, detail);
  }
}

/** A questionnaire was completed and saved with the plan. `scores` has one entry per scale of the measure. */
export class HubAssessmentCompleteEvent extends HubEvent<{ measure: string; date: string; scores: Record<string, number> }> {
  static get eventName() {
    return 'hub-assessment-complete' as const;
  }
  constructor(detail: { measure: string; date: string; scores: Record<string, number> }) {
    super(HubAssessmentCompleteEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hub-plan-change': HubPlanChangeEvent;
    'hub-assessment-complete': HubAssessmentCompleteEvent;
  }
}
