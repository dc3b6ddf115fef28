import { builder } from '../builder.ts';

// The root types exist once; each domain file adds its entry points with builder.queryField(s),
// builder.mutationField(s) and builder.subscriptionField(s). The scopes here cover every field of the type.
builder.queryType({
  description: 'The entry points for reading Tencent Cloud SSL certificates and everything around them.',
  authScopes: { read: true },
});

builder.mutationType({
  description: 'Changes to certificates, managers and deployments. Every mutation needs the ssl:write scope.',
  authScopes: { write: true },
});
