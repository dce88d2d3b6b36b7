import type { Actor } from "./actor.ts";
import { isCoordinator } from "./actor.ts";

export interface MeetingSubject {
  /** Minutes approved by the body are frozen. */
  minutesApproved: boolean;
}

/** The coordination convenes meetings and keeps their sheet; approved minutes change no more. */
export const meetingPolicy = {
  update: (a: Actor, _m: MeetingSubject) => isCoordinator(a),
  delete: (a: Actor, _m: MeetingSubject) => isCoordinator(a),
  recordAttendance: (a: Actor, _m: MeetingSubject) => isCoordinator(a),
  writeMinutes: (a: Actor, m: MeetingSubject) => isCoordinator(a) && !m.minutesApproved,
  exportMinutes: (_a: Actor, _m: MeetingSubject) => true,
};
