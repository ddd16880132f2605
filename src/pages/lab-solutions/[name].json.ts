/**
 * Each lab's solution files in each locale, as JSON, fetched by the lab panel on the learner's
 * first Solution click (src/runtime/lab-controller.ts). Kept out of the lesson page, which every
 * reader downloads.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLab, labIds } from '../../components/lab-registry.ts';
import { LOCALES, solutionName, type Locale } from '../../lib/lab-manifest.ts';

export const getStaticPaths = (() =>
  labIds().flatMap((id) => LOCALES.map((locale) => ({ params: { name: solutionName(id, locale) }, props: { id, locale } })))) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string; locale: Locale }> = ({ props }) => {
  const lab = getLab(props.id);
  const files = lab.files('solution', props.locale) ?? lab.files('starter', props.locale);
  return new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
