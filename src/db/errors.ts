/** A database that cannot be opened or used: the message is one line for the operator. */
export class DatabaseError extends Error {}
