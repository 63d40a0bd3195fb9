/**
 * Fastify's own schema compilers (Ajv for input, fast-json-stringify for answers), each route's
 * schema compiled when the route is first used rather than when the server starts. Compiling
 * every route's schemas at start allocates a good part of an idle server's memory (generated code
 * for routes that a workshop day may never call); validation and serialisation are the same,
 * only their first call compiles. The compilers themselves (Ajv, fast-json-stringify, and the Ajv
 * instance with its compiled meta-schema) are loaded and built on that first compile too.
 */
import { createRequire } from 'node:module'
import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify'
import type { AjvCompiler } from '@fastify/ajv-compiler'
import type { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

// Required on first use rather than imported: an idle server that has answered nothing does not carry them.
const require = createRequire(import.meta.url)
const loadValidatorFactory = () =>
  (require('@fastify/ajv-compiler') as { AjvCompiler: typeof AjvCompiler }).AjvCompiler() as unknown as ValidatorFactory
const loadSerializerFactory = () =>
  (require('@fastify/fast-json-stringify-compiler') as { SerializerSelector: typeof SerializerSelector }).SerializerSelector() as unknown as SerializerFactory

/** What Fastify hands a compiler for one part of one route. */
interface RouteSchema {
  schema?: unknown
  method?: string
  url?: string
  httpPart?: string
  httpStatus?: string
}
type ValidatorFactory = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => CompiledValidator
type SerializerFactory = (externalSchemas: unknown, options: unknown) => (route: RouteSchema) => (data: unknown) => string

interface CompiledValidator {
  (data: unknown, context?: unknown): unknown
  errors?: FastifySchemaValidationError[] | null
  schemaEnv?: unknown
}

/**
 * A validator that compiles on its first use. Fastify reads `schemaEnv` (to let Ajv replace a
 * request part) right before it validates and `errors` right after, so both pass through.
 */
function lazyValidator(compile: () => CompiledValidator): CompiledValidator {
  let compiled: CompiledValidator | undefined
  const get = () => (compiled ??= compile())
  const validate = ((data: unknown, context?: unknown) => get()(data, context)) as CompiledValidator
  Object.defineProperties(validate, {
    errors: { get: () => get().errors },
    schemaEnv: { get: () => get().schemaEnv },
  })
  return validate
}

/** A headers schema with its property names (and required names) in lowercase, as Fastify's default compiler sees it. */
function lowerCaseHeaders(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null || Object.getPrototypeOf(schema) !== Object.prototype) return schema
  const { properties, required, ...rest } = schema as { properties?: Record<string, unknown>; required?: unknown }
  return {
    ...rest,
    ...(properties && { properties: Object.fromEntries(Object.entries(properties).map(([name, value]) => [name.toLowerCase(), value])) }),
    ...(Array.isArray(required) && { required: required.map((name) => (typeof name === 'string' ? name.toLowerCase() : name)) }),
  }
}

/** The `schemaController` option of the Fastify instance: the default compilers, compiled per route on first use. */
export function lazySchemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  let buildValidator: ValidatorFactory | undefined
  let buildSerializer: SerializerFactory | undefined
  return {
    compilersFactory: {
      // Fastify hands each context a copy of its shared schemas, so building the compiler later sees the same ones.
      buildValidator: (externalSchemas: unknown, options: unknown) => {
        let compile: ReturnType<ValidatorFactory> | undefined
        return (route: RouteSchema) => {
          // Fastify lowercases a headers schema only for its own compilers; Node delivers header names in lowercase.
          const schema = route.httpPart === 'headers' ? lowerCaseHeaders(route.schema) : route.schema
          return lazyValidator(() => (compile ??= (buildValidator ??= loadValidatorFactory())(externalSchemas, options))({ ...route, schema }))
        }
      },
      buildSerializer: (externalSchemas: unknown, options: unknown) => {
        let compile: ReturnType<SerializerFactory> | undefined
        return (route: RouteSchema) => {
          let serialize: ((data: unknown) => string) | undefined
          return (data: unknown) => (serialize ??= (compile ??= (buildSerializer ??= loadSerializerFactory())(externalSchemas, options))(route))(data)
        }
      },
    },
  } as NonNullable<FastifyServerOptions['schemaController']>
}
