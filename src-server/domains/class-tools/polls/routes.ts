import type { HandlersFor } from '../../handlers';
import type { PollExports } from './poll-exports';
import type { PollService } from './poll-service';

type PollRouteName =
  | 'sessionPolls'
  | 'createPoll'
  | 'poll'
  | 'openPoll'
  | 'closePoll'
  | 'revealPoll'
  | 'answerPoll'
  | 'pollResponders'
  | 'pollCsv'
  | 'pollToGradebook';

export function pollRoutes(polls: PollService, exports: PollExports): HandlersFor<PollRouteName> {
  return {
    sessionPolls: ({ auth, params }) => polls.list(auth.user, params.sessionId),
    createPoll: ({ auth, params, body }) => polls.create(auth.user, params.sessionId, body),
    poll: ({ auth, params }) => polls.get(auth.user, params.pollId),
    openPoll: ({ auth, params }) => polls.step(auth.user, params.pollId, 'open'),
    closePoll: ({ auth, params }) => polls.step(auth.user, params.pollId, 'close'),
    revealPoll: ({ auth, params }) => polls.step(auth.user, params.pollId, 'reveal'),
    answerPoll: ({ auth, params, body }) => polls.answer(auth.user, params.pollId, body.responses),
    pollResponders: ({ auth, params }) => exports.responders(auth.user, params.pollId),
    pollCsv: ({ auth, params }) => exports.csv(auth.user, params.pollId),
    pollToGradebook: ({ auth, params, body }) =>
      exports.toGradebook(auth.user, params.pollId, body.title),
  };
}
