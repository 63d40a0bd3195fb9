/** What a voting round covers, in words, for the panels that name it. */
import type { TemplateInstance, VoteScope } from '@dorfplatz/board'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../i18n/i18n.ts'
import { templateOfScope, zoneOfScope } from '../kernel/scopeOptions.ts'

export function useScopeName(scope: VoteScope, instances: readonly TemplateInstance[]): string {
  const { t } = useTranslation()
  const language = useLanguage()
  switch (scope.kind) {
    case 'all':
      return t('voting.scopeAll')
    case 'zone': {
      const zone = zoneOfScope(scope, instances, language)
      return zone ? t('voting.scopeZone', zone) : t('voting.scopeGone')
    }
    case 'template': {
      const template = templateOfScope(scope, instances, language)
      return template ? t('voting.scopeTemplate', { template }) : t('voting.scopeGone')
    }
  }
}
