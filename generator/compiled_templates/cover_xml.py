# Compiled by scripts/compile_templates.py from templates/cover.xml: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'cover.xml'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_title = resolve('title')
    l_0_subtitle = resolve('subtitle')
    l_0_client = resolve('client')
    l_0_t = resolve('t')
    l_0_author = resolve('author')
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_2 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_3 = environment.filters['select']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'select' found.")
    pass
    yield '<p style="cover_title">'
    yield escape((undefined(name='title') if l_0_title is missing else l_0_title))
    yield '</p>\n'
    if (undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle):
        pass
        yield '<p style="cover_sub">'
        yield escape((undefined(name='subtitle') if l_0_subtitle is missing else l_0_subtitle))
        yield '</p>\n'
    if (undefined(name='client') if l_0_client is missing else l_0_client):
        pass
        yield '<box style="dose">\n<p style="label">'
        yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'prepared_for'))
        yield '</p>\n<p style="cover_author">'
        yield escape(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'name'))
        yield '</p>\n'
        if environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'start'):
            pass
            yield '<p style="meta">'
            yield escape(environment.getattr((undefined(name='t') if l_0_t is missing else l_0_t), 'starting'))
            yield ' '
            yield escape(t_1(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'start')))
            yield '</p>\n'
        if environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'note'):
            pass
            yield '<p style="body">'
            yield escape(t_2(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'note')))
            yield '</p>\n'
        yield '</box>\n'
    yield '<image/>\n'
    if (undefined(name='author') if l_0_author is missing else l_0_author):
        pass
        yield '<p style="cover_author">'
        yield escape(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name'))
        yield '</p>\n'
        for l_1_line in t_3(context, [environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'role'), environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'organisation')]):
            _loop_vars = {}
            pass
            yield '<p style="meta">'
            yield escape(l_1_line)
            yield '</p>\n'
        l_1_line = missing

blocks = {}
debug_info = '5=35&6=37&7=40&9=42&11=45&12=47&13=49&14=52&16=56&17=59&22=63&23=66&24=68&25=72'
