// CLI commands: sign-in recovery. `lots mfa reset USERNAME` removes a user's two-factor
// authentication when no other administrator can (the only administrator lost their phone);
// the user's sessions end and they set up a new authenticator at the next sign-in. Audited.
import type { Command } from 'commander';
import { systemActor } from '../../auth/actor.js';
import { resetMfa } from '../../auth/mfa.service.js';
import { fail, withDatabase } from '../context.js';

export function register(cli: Command): void {
  const mfa = cli.command('mfa').description('two-factor sign-in');
  mfa
    .command('reset')
    .description("remove a user's two-factor authentication (lost phone); their sessions end")
    .argument('<username>')
    .action((username: string) =>
      withDatabase(async ({ db }) => {
        const user = await db
          .selectFrom('users')
          .select('id')
          .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
          .executeTakeFirst();
        if (!user) throw new Error(`no user "${username}" (see \`lots users list\`)`);
        await resetMfa(db, systemActor('cli'), user.id);
        console.log(`two-factor authentication reset for ${username}; their sessions were ended; they set it up again at the next sign-in`);
      }).catch(fail),
    );
}
