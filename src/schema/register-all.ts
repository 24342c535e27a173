/**
 * Imports every module that registers a data-file schema with registerDataFileSchema, so the
 * schema generator and its freshness test see them all. Add one line per new data-file schema.
 */
import "./json-schemas.js";
import "./checklist.js";
import "./claims-register.js";
