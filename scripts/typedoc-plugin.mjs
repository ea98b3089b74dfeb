// TypeDoc plugin (typedoc.json `plugin`):
// - names each module by the import path users write (`aigc`, `aigc/openai`),
//   not by its folder (`src`, `providers/openai`);
// - requires an `@example` on every exported function, class and variable
//   (factories, provider instances, errors). A missing one is a warning, and
//   typedoc.json's treatWarningsAsErrors fails the build.
import { Application, Converter, ReflectionKind } from 'typedoc';

const importPath = (name) =>
  name === 'src' ? 'aigc'
  : name.startsWith('src/') ? `aigc/${name.slice('src/'.length)}`
  : name.startsWith('providers/') ? `aigc/${name.slice('providers/'.length)}`
  : name;

const kinds = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable;

/** @param {Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getChildrenByKind(ReflectionKind.Module)) module.name = importPath(module.name);
    context.project.children?.sort((a, b) => (a.name === 'aigc' ? -1 : b.name === 'aigc' ? 1 : a.name.localeCompare(b.name)));
  });
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    for (const reflection of project.getReflectionsByKind(kinds)) {
      if (!reflection.parent?.kindOf(ReflectionKind.Module | ReflectionKind.Project)) continue;
      const comments = [reflection.comment, ...(reflection.signatures ?? []).map((signature) => signature.comment)];
      if (comments.some((comment) => comment?.getTag('@example'))) continue;
      app.logger.warn(`${reflection.getFriendlyFullName()} (${ReflectionKind.singularString(reflection.kind)}) has no @example`);
    }
  });
}
