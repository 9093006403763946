import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE } from '../errors/problem-details';

export const PROBLEM_SCHEMA_REF = '#/components/schemas/ProblemDetails';

/** A problem document of one status whose `code` is one of `codes`. */
export function problemSchema(status: number, codes: readonly string[]) {
  return {
    allOf: [
      { $ref: PROBLEM_SCHEMA_REF },
      {
        type: 'object',
        properties: { status: { type: 'integer', enum: [status] }, code: { type: 'string', enum: [...codes] } },
      },
    ],
  };
}

/**
 * Declares an error answer of an operation and the codes it carries (the problems every
 * operation may answer, such as 500 or 503, are added to the document in one place).
 */
export function ApiProblem(status: number, codes: readonly string[], description = codes.join(', ')) {
  return ApiResponse({
    status,
    description,
    content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema(status, codes) } },
  });
}
