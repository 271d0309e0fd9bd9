export { createEventBus, type EventBus, type EventListener } from './eventBus';
