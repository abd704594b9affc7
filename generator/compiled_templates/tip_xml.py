# Compiled by scripts/compile_templates.py from templates/tip.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'tip.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_t = resolve('t')
    l_0_title = resolve('title')
    l_0_body = resolve('body')
    try:
        t_1 = environment.filters['paragraphs']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'paragraphs' found.")
    pass
    yield '<box style="tip">\n<p style="box_title">'
    yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'tip'))
    yield ': '
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n'
    for l_1_para in t_1((undefined(name='body') if l_0_body is missing else l_0_body)):
        _loop_vars = {}
        pass
        yield '<p style="body">'
        yield escape(l_1_para)
        yield '</p>\n'
    l_1_para = missing
    yield '</box>'

blocks = {}
debug_info = '3=21&4=25&5=29'
