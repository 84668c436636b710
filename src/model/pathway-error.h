/* pathway-error.h: the one error domain of Pathway. The codes are what a caller acts on:
 * the UI names who holds a LOCKED file, the CLI exits 2 for any file it cannot use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PATHWAY_ERROR (pathway_error_quark ())

typedef enum {
  PATHWAY_ERROR_FAILED,
  PATHWAY_ERROR_NOT_FOUND,     /* no such file */
  PATHWAY_ERROR_EXISTS,        /* refusing to create over an existing file */
  PATHWAY_ERROR_EMPTY,         /* zero-byte file */
  PATHWAY_ERROR_NOT_SQLITE,    /* not a database at all */
  PATHWAY_ERROR_NOT_PROGRAMME, /* a database of another application */
  PATHWAY_ERROR_NEWER_VERSION, /* written by a newer Pathway */
  PATHWAY_ERROR_DAMAGED,       /* integrity or schema check failed */
  PATHWAY_ERROR_LOCKED,        /* another process has the file open */
  PATHWAY_ERROR_READ_ONLY,     /* a write was attempted on a read-only document */
  PATHWAY_ERROR_DISK_FULL,
  PATHWAY_ERROR_IO,
  PATHWAY_ERROR_INVALID,       /* invalid input; the message names the field */
  PATHWAY_ERROR_IN_USE,        /* a record still used elsewhere; the message says where */
  /* A change refused because someone else changed the value since it was read; the message
   * says who, when and to what. The caller keeps the user's input to apply again. */
  PATHWAY_ERROR_CONFLICT,
  /* The server cannot be reached; nothing was written or queued. */
  PATHWAY_ERROR_OFFLINE,
} PathwayError;

GQuark pathway_error_quark (void);

G_END_DECLS
