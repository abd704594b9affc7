# Compiled by scripts/compile_templates.py from templates/mail.fr.txt: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'mail.fr.txt'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_subject = resolve('subject')
    l_0_title = resolve('title')
    l_0_client = resolve('client')
    l_0_author = resolve('author')
    try:
        t_1 = environment.filters['long_date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'long_date' found.")
    try:
        t_2 = environment.filters['trim']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'trim' found.")
    try:
        t_3 = environment.filters['weekday']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'weekday' found.")
    pass
    yield 'Subject: '
    yield str(((undefined(name='subject') if l_0_subject is missing else l_0_subject) or str_join(((undefined(name='title') if l_0_title is missing else l_0_title), ' pour ', environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'name'), ))))
    yield '\n\nBonjour '
    yield str((environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'greeting') or environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'name')))
    yield ',\n\nVoici votre livret, « '
    yield str((undefined(name='title') if l_0_title is missing else l_0_title))
    yield ' » : vos exercices en images, vos séries et répétitions, et un journal pour cocher chaque séance.\n'
    if environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'start'):
        pass
        yield '\nVotre programme commence le '
        yield str(t_3(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'start')))
        yield ' '
        yield str(t_1(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'start')))
        yield '.\n'
    if environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'note'):
        pass
        yield '\n'
        yield str(t_2(environment.getattr((undefined(name='client') if l_0_client is missing else l_0_client), 'note')))
        yield '\n'
    yield '\nOuvrez-le sur votre téléphone, ou imprimez-le à 100 % (« taille réelle »).\n'
    if (undefined(name='author') if l_0_author is missing else l_0_author):
        pass
        yield '\n'
        yield str(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'name'))
        yield '\n'
        if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'organisation'):
            pass
            yield str(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'organisation'))
            yield '\n'
        if environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone'):
            pass
            yield str(environment.getattr((undefined(name='author') if l_0_author is missing else l_0_author), 'phone'))
            yield '\n'

blocks = {}
debug_info = '6=34&8=36&10=38&11=40&13=43&15=47&17=50&21=53&23=56&24=58&26=62'
