import { randomUUID } from 'node:crypto';
import type {
  ExitTicket,
  ExitTicketAnswer,
  ExitTicketId,
} from '../../../../src-shared/schemas/class-tools/exit-tickets';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError } from '../../../domain-error';
import { UniqueViolation } from '../../../storage/errors';
import type { UserRecord } from '../../../storage/records';
import type { ExitAnswerRecord, ExitTicketRecord } from '../../../storage/records-class-tools';
import {
  assertReadsAll,
  assertRunsClass,
  assertTakesPart,
  classToolsAccess,
  type ClassToolsAccess,
} from '../../access/class-tools-access';
import { ACCESS_REPOSITORIES } from '../../access/ports';
import { formerMember, toSummary } from '../../accounts/views';
import type { DomainDeps } from '../../deps';

export const EXIT_TICKET_REPOSITORIES = [...ACCESS_REPOSITORIES, 'exitTickets'] as const;
type Deps = DomainDeps<(typeof EXIT_TICKET_REPOSITORIES)[number]>;

/** One question at the end of class; each student answers once; the host reads them in one list. */
export class ExitTicketService {
  constructor(private readonly deps: Deps) {}

  async list(actor: UserRecord, sessionId: SessionId): Promise<ExitTicket[]> {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    const tickets = (await this.deps.storage.exitTickets.listForSession(sessionId)).reverse();
    return Promise.all(tickets.map((t) => this.view(actor, access, t)));
  }

  async ask(actor: UserRecord, sessionId: SessionId, question: string): Promise<ExitTicket> {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    await assertRunsClass(this.deps.storage, access, 'exit tickets');
    try {
      const ticket = await this.deps.storage.exitTickets.insert({
        kind: 'ticket',
        id: randomUUID() as ExitTicketId,
        sessionId,
        hostId: actor.id,
        question,
        createdAt: this.deps.now().toISOString(),
      });
      this.deps.bus.publish('exit-ticket.changed', { ticket, actorId: actor.id });
      return this.view(actor, access, ticket);
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DomainError('CONFLICT', 'An exit ticket is open already; close it first.');
      throw error;
    }
  }

  async close(actor: UserRecord, ticketId: ExitTicketId): Promise<ExitTicket> {
    const { ticket, access } = await this.load(actor, ticketId);
    await assertRunsClass(this.deps.storage, access, 'exit tickets');
    if (ticket.closedAt) throw new DomainError('CONFLICT', 'This exit ticket is closed already.');
    const closed = await this.deps.storage.exitTickets.update(ticket.id, (t) => ({
      ...t,
      closedAt: this.deps.now().toISOString(),
    }));
    if (!closed) throw gone();
    this.deps.bus.publish('exit-ticket.changed', { ticket: closed, actorId: actor.id });
    return this.view(actor, access, closed);
  }

  /** Once per student: a second answer is refused with the first one's time. */
  async answer(actor: UserRecord, ticketId: ExitTicketId, text: string): Promise<ExitTicket> {
    const { ticket, access } = await this.load(actor, ticketId);
    await assertTakesPart(this.deps.storage, access);
    if (ticket.closedAt)
      throw new DomainError('CONFLICT', 'This exit ticket is closed: answers are no longer taken.');
    try {
      await this.deps.storage.exitTickets.insertAnswer({
        ticketId: ticket.id,
        userId: actor.id,
        text,
        answeredAt: this.deps.now().toISOString(),
      });
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DomainError('CONFLICT', 'You have answered this exit ticket already.');
      throw error;
    }
    this.deps.bus.publish('exit-ticket.answered', { ticket, userId: actor.id });
    return this.view(actor, access, ticket);
  }

  async answers(actor: UserRecord, ticketId: ExitTicketId): Promise<ExitTicketAnswer[]> {
    const { ticket, access } = await this.load(actor, ticketId);
    assertReadsAll(access, 'the answers');
    const answers = await this.deps.storage.exitTickets.listAnswers(ticket.id);
    return Promise.all(answers.map((a) => this.answerView(actor, a)));
  }

  async count(ticket: ExitTicketRecord): Promise<number> {
    return this.deps.storage.exitTickets.countAnswers(ticket.id);
  }

  /** What everyone in the room may see: the question and the count, nobody's answer. */
  async roomView(ticket: ExitTicketRecord): Promise<ExitTicket> {
    return toTicket(ticket, await this.count(ticket), null);
  }

  private async load(actor: UserRecord, ticketId: ExitTicketId) {
    const ticket = await this.deps.storage.exitTickets.get(ticketId);
    if (!ticket) throw gone();
    const access = await classToolsAccess(this.deps.storage, actor, ticket.sessionId);
    return { ticket, access };
  }

  private async view(actor: UserRecord, access: ClassToolsAccess, ticket: ExitTicketRecord) {
    const mine = access.membership
      ? await this.deps.storage.exitTickets.getAnswer(ticket.id, actor.id)
      : undefined;
    return toTicket(ticket, await this.count(ticket), mine?.text ?? null);
  }

  private async answerView(actor: UserRecord, answer: ExitAnswerRecord): Promise<ExitTicketAnswer> {
    const user = (await this.deps.storage.users.get(answer.userId)) ?? formerMember(answer.userId);
    return { student: toSummary(user, actor), text: answer.text, answeredAt: answer.answeredAt };
  }
}

function toTicket(ticket: ExitTicketRecord, answered: number, myAnswer: string | null): ExitTicket {
  return {
    id: ticket.id,
    sessionId: ticket.sessionId,
    question: ticket.question,
    state: ticket.closedAt ? 'closed' : 'open',
    answered,
    myAnswer,
    createdAt: ticket.createdAt,
    closedAt: ticket.closedAt ?? null,
  };
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This exit ticket does not exist (it may have been deleted).');
