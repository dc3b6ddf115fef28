import { builder } from '../builder.ts';

// The root types exist once; each domain file adds its entry points with builder.queryField(s).
builder.queryType({
  description: 'The entry points for reading Tencent Cloud SSL certificates.',
});
