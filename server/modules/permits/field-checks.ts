// Field-named checks for process records: nothing in the future, nothing before what it follows,
// plus any other rule broken (add). Dates are ISO strings (YYYY-MM-DD), so string order is date order.
import type { FieldIssue } from '../../http/errors.js';
import { today } from '../cases/case.service.js';

export class FieldChecks {
  readonly issues: FieldIssue[] = [];
  private readonly now = today();

  /** `date` may not lie after today. */
  notFuture(path: string, date: string | null | undefined): this {
    if (date && date > this.now) this.issues.push({ path, message: 'cannot be in the future' });
    return this;
  }

  /** `date` may not lie before `earlier` (named `earlierName` in the message). */
  notBefore(path: string, date: string | null | undefined, earlier: string | null | undefined, earlierName: string): this {
    if (date && earlier && date < earlier) this.issues.push({ path, message: `cannot be before ${earlierName} (${earlier})` });
    return this;
  }

  /** `date` must lie strictly after `earlier`. */
  after(path: string, date: string | null | undefined, earlier: string | null | undefined, earlierName: string): this {
    if (date && earlier && date <= earlier) this.issues.push({ path, message: `must be after ${earlierName} (${earlier})` });
    return this;
  }

  add(path: string, message: string): this {
    this.issues.push({ path, message });
    return this;
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }
}
