# Compiled by scripts/compile_templates.py from templates/poster_header.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'poster_header.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_subtitle = resolve('subtitle')
    pass
    yield '<p style="poster_title">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n'
    if (undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle):
        pass
        yield '<p style="poster_sub">'
        yield escape((undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle))
        yield '</p>\n'

blocks = {}
debug_info = '2=14&3=16&4=19'
