import type { Config } from '../config';
import type { Db } from '../db';
import type { Clock } from '../lib/time';
import type { SmsSender } from '../sms/sender';
import { ApplicationService } from './applications';
import { AuthService } from './auth';
import { InboxService } from './inbox';
import { MaterialService } from './materials';
import { PersonService } from './persons';
import { UserService } from './users';

export interface Services {
  auth: AuthService;
  persons: PersonService;
  applications: ApplicationService;
  materials: MaterialService;
  inbox: InboxService;
  users: UserService;
}

export function createServices(prisma: Db, config: Config, sms: SmsSender, clock: Clock): Services {
  return {
    auth: new AuthService(prisma, config, sms, clock),
    persons: new PersonService(prisma, clock),
    applications: new ApplicationService(prisma, config, clock),
    materials: new MaterialService(prisma, config),
    inbox: new InboxService(prisma),
    users: new UserService(prisma),
  };
}
