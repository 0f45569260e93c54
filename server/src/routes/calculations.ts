// The fixed calls of api-contract.md, computed by @changhu/rules, which validates its own input.
import { z } from 'zod';
import { eligibility, EligibilityInputSchema, estimate, EstimateInputSchema, RulesInputError } from '@changhu/rules';
import type { Api } from '../lib/api';
import { AppError } from '../lib/errors';
import { shanghaiDate } from '../lib/time';
import type { RouteDeps } from './deps';

function rulesCall<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RulesInputError) throw new AppError(400, 'invalid-input', err.message, err.details);
    throw err;
  }
}

const noteSchema = z.object({ code: z.string(), text: z.string() });
const citeSchema = z.object({ doc: z.string(), clause: z.string() });

export function registerCalculations(api: Api, { clock }: RouteDeps): void {
  api.route(
    {
      method: 'post',
      path: '/estimates',
      tag: 'calculations',
      summary: '费用估算：基金支付与个人负担（金额单位：分）',
      bodyDoc: EstimateInputSchema,
      responses: {
        200: {
          description: '估算结果，附说明与条款出处',
          schema: z
            .object({
              monthlyCapFen: z.number().int().nullable(),
              eligibleCostFen: z.number().int().nullable(),
              fundRatio: z.number().nullable(),
              fundPaysFen: z.number().int().nullable(),
              personPaysFen: z.number().int().nullable(),
              indicative: z.boolean(),
              notes: z.array(noteSchema),
              citations: z.array(citeSchema),
            })
            .loose(),
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => estimate(ctx.request.body ?? {}, { today: shanghaiDate(clock()) }));
    },
  );

  api.route(
    {
      method: 'post',
      path: '/eligibility',
      tag: 'calculations',
      summary: '能否享受长护险待遇',
      bodyDoc: EligibilityInputSchema,
      responses: {
        200: {
          description: '结论、理由与下一步',
          schema: z
            .object({
              verdict: z.enum(['eligible', 'not-eligible', 'apply-for-assessment', 'unknown']),
              reasons: z.array(
                z.object({ code: z.string(), text: z.string(), citation: citeSchema.optional() }).loose(),
              ),
              nextSteps: z.array(z.string()),
            })
            .loose(),
        },
      },
    },
    async (ctx) => {
      ctx.body = rulesCall(() => eligibility(ctx.request.body ?? {}, { today: shanghaiDate(clock()) }));
    },
  );
}
