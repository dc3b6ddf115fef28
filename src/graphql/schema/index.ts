// Loads every type file (each registers its types and entry points on the builder), then builds the schema.
import './query.ts';
import './scalars.ts';
import './certificate-enums.ts';
import './certificate.ts';
import './certificate-mutations.ts';
import { builder } from '../builder.ts';

export const schema = builder.toSchema();
